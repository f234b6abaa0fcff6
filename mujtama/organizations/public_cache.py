"""Everything the public sees of the organizations (the directory, profiles, how to
join, the API list) is cached per version of the public data: a profile edit, a
membership starting, ending or being suspended, a license or a criteria version bumps
it (see ``mujtama.core.public_cache``)."""

from mujtama.core.public_cache import PublicCache

ORGANIZATIONS = PublicCache("organizations", ttl=600)

public_version = ORGANIZATIONS.version
public_data_changed = ORGANIZATIONS.changed
cached = ORGANIZATIONS.cached
