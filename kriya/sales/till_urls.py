"""The till (kasir): placeholder until built."""

app_name = "till"
urlpatterns: list = []
