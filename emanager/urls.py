from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from emanager.core import views as core_views

admin.site.site_header = "e-Manager"
admin.site.site_title = "e-Manager"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", core_views.healthz, name="healthz"),
    *i18n_patterns(
        path("", include("emanager.directory.urls")),
        path("", include("emanager.core.urls")),
        path("letters/", include("emanager.letters.urls")),
        path("archive/search/", include("emanager.fulltext.urls")),
        path("archive/", include("emanager.archive.urls")),
        path("accountability/", include("emanager.accountability.urls")),
        path("survey/", include("emanager.surveys.urls")),
        path("open-data/", include("emanager.opendata.urls")),
        path("proactive/", include("emanager.proactive.urls")),
        path("public-information/", include("emanager.foi.urls")),
        path("staff/registry/", include("emanager.registry.urls")),
        path("staff/mail/", include("emanager.mailin.urls")),
        path("staff/review/", include("emanager.publication.urls")),
        path("staff/", include("emanager.staff.urls")),
        path("account/", include("emanager.accounts.urls")),
    ),
]

if settings.EMANAGER_BENCH:
    from emanager.core import bench

    urlpatterns += bench.urlpatterns()

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
