"""Checks shared by the FHIR tests: every resource validates against the R4B models of fhir.resources (a dev
dependency: the service itself never imports it), recursively through Bundles."""

from fhir.resources.R4B import get_fhir_model_class

from toolkit.fhir.rules import MEDIA_TYPE

LOINC = "http://loinc.org"


def validate(resource: dict) -> dict:
    """Validate one resource (and every resource of a Bundle); returns the resource."""
    model = get_fhir_model_class(resource["resourceType"])
    model.model_validate(resource)
    for entry in resource.get("entry", ()) if resource["resourceType"] == "Bundle" else ():
        assert entry["fullUrl"].endswith(f"/{entry['resource']['resourceType']}/{entry['resource']['id']}")
        validate(entry["resource"])
    return resource


def fhir_json(response, status: int = 200) -> dict:
    assert response.status_code == status, (response.status_code, response.get_data(as_text=True)[:600])
    assert response.mimetype == MEDIA_TYPE, response.mimetype
    return validate(response.get_json())


def outcome(response, status: int, issue_code: str) -> dict:
    """An OperationOutcome error with this HTTP status and issue code."""
    body = fhir_json(response, status)
    assert body["resourceType"] == "OperationOutcome", body
    assert body["issue"][0]["code"] == issue_code and body["issue"][0]["severity"] == "error", body
    assert body["issue"][0]["details"]["text"], body
    return body


def codings(concept: dict) -> set[tuple[str, str]]:
    return {(c.get("system"), c["code"]) for c in concept.get("coding", ())}
