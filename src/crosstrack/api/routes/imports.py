"""CSV imports: many shipments (and past outcomes) in one upload."""

from __future__ import annotations

from fastapi import APIRouter, UploadFile

from crosstrack.api import presenters, schemas
from crosstrack.api.auth import Writer
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented
from crosstrack.api.settings import IMPORT_PATH
from crosstrack.services.errors import InvalidInput

router = APIRouter(tags=["imports"])


@router.post(
    IMPORT_PATH,
    response_model=schemas.ImportReportOut,
    summary="Import shipments from a CSV file",
    responses=documented(401, 403, 413, 422, 429),
)
async def import_csv(
    file: UploadFile, key: Writer, services: ServicesDep
) -> schemas.ImportReportOut:
    """Upload a UTF-8 CSV file as the multipart field ``file`` (columns in docs/imports.md).
    Good rows are kept; each bad row is reported with its line, column and reason."""
    content = await file.read()
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("the file is not UTF-8 text", field="file") from None
    return presenters.import_report(services.importer.import_csv(key.merchant_id, text))
