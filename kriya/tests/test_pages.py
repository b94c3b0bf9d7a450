import re


def test_the_home_page_is_indonesian_and_english_is_under_en(client, db):
    home = client.get("/")
    assert '<html lang="id">' in home.text
    english = client.get("/en/")
    assert '<html lang="en">' in english.text and "Log in" in english.text


def test_an_unknown_page_is_a_friendly_404(client, db):
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Kriya" in response.text


# Addresses that name a page rather than load anything: the canonical and language
# alternates (search engines want them absolute) and links a person follows (wa.me, share).
NOT_LOADED = re.compile(r'<link rel="(?:canonical|alternate)"[^>]*>|<a\s[^>]*>|<meta [^>]*>')


def test_no_page_loads_anything_from_another_host(client, badung_secretary):
    client.force_login(badung_secretary)
    for url in ["/", "/akun/masuk/", "/admin/", "/admin/regions/village/"]:
        text = NOT_LOADED.sub("", client.get(url).text)
        for marker in ['src="http', "src='http", 'href="http', "//cdn", "fonts.googleapis"]:
            assert marker not in text, f"{url} loads {marker}"
