"""Policies of the routes that come from other packages (see mujtama.core.policies).

The platform's own views declare their policy next to their code."""

from mujtama.accounts.roles import StaffRole
from mujtama.core.policies import PUBLIC, SIGNED_IN, declare, staff

# allauth: the sign-in, sign-up and recovery pages are open; the pages that manage
# an account need a signed-in person (allauth checks that too).
ALLAUTH_PUBLIC = [
    "account_login",
    "account_logout",
    "account_inactive",
    "account_signup",
    "account_email_verification_sent",
    "account_confirm_email",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_confirm_login_code",
    "account_request_login_code",
    "account_confirm_password_reset_code",
    "account_complete_password_reset",
    "account_password_reset_completed",
    "account_verify_phone",
    "account_signup_by_passkey",
    # The second step of signing in, before the session is signed in.
    "mfa_authenticate",
    "mfa_trust",
]
ALLAUTH_SIGNED_IN = [
    "account_reauthenticate",
    "account_request_reauthentication_code",
    "account_confirm_reauthentication_code",
    "account_email",
    "account_change_password",
    "account_set_password",
    "account_change_phone",
    "mfa_index",
    "mfa_reauthenticate",
    "mfa_activate_totp",
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
]

declare(
    {
        **dict.fromkeys(ALLAUTH_PUBLIC, PUBLIC),
        **dict.fromkeys(ALLAUTH_SIGNED_IN, SIGNED_IN),
        # The admin's own login page too: allauth signs people in (with the second
        # factor); the admin login page only forwards platform administrators.
        "admin:*": staff(StaffRole.PLATFORM_ADMIN),
        "api-schema": PUBLIC,
        "api-docs": PUBLIC,
    }
)
