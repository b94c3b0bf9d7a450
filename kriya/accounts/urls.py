from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from kriya.accounts import views
from kriya.accounts.forms import LoginForm

app_name = "accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "masuk/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("peran/", views.switch, name="switch"),
    path(
        "sandi/",
        auth_views.PasswordChangeView.as_view(
            success_url=reverse_lazy("accounts:password_change_done")
        ),
        name="password_change",
    ),
    path(
        "sandi/selesai/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"
    ),
    path(
        "lupa-sandi/",
        auth_views.PasswordResetView.as_view(
            success_url=reverse_lazy("accounts:password_reset_done")
        ),
        name="password_reset",
    ),
    path(
        "lupa-sandi/terkirim/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "atur-sandi/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "atur-sandi/selesai/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
