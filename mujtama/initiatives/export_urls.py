"""Exports of activities and reach: CSV, XLSX and the HXL-tagged 4W table.

Each audience has a page listing its downloads and one address per file:
``<audience>/<dataset>.<format>``, where the dataset is ``activities``, ``reach`` or
``4w`` and the format ``csv``, ``hxl`` (CSV with the HXL hashtag row) or ``xlsx``;
any other name is not an address (404)."""

from django.urls import path, register_converter

from mujtama.initiatives.exports import Dataset, Format
from mujtama.initiatives.views import exports


class DatasetConverter:
    regex = "|".join(Dataset)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return str(Dataset(value))  # ValueError, so NoReverseMatch, for any other name


class FormatConverter:
    regex = "|".join(Format)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return str(Format(value))


register_converter(DatasetConverter, "export_dataset")
register_converter(FormatConverter, "export_format")

app_name = "initiatives_exports"

urlpatterns = [
    path("organization/<int:org>/", exports.organization_page, name="organization"),
    path(
        "organization/<int:org>/<export_dataset:dataset>.<export_format:fmt>",
        exports.organization_download,
        name="organization_download",
    ),
    path("national/", exports.national_page, name="national"),
    path(
        "national/<export_dataset:dataset>.<export_format:fmt>",
        exports.national_download,
        name="national_download",
    ),
    path("public/", exports.public_page, name="public"),
    path(
        "public/<export_dataset:dataset>.<export_format:fmt>",
        exports.public_download,
        name="public_download",
    ),
]
