from tests.sandbox.helpers import create_app, send, upload_pdf
from tests.support.pdfs import pdf_bytes


def test_send_by_media_name_reaches_delivered_with_real_page_count(sandbox, api):
    app = create_app(api)
    media = upload_pdf(api, pdf_bytes(3))
    resp = send(api, app["id"], media_name=media["media_name"])
    assert resp.status_code == 202
    fax = resp.json()["data"]
    assert fax["status"] == "queued"
    sandbox.advance(60)
    got = api.get(f"/faxes/{fax['id']}").json()["data"]
    assert got["status"] == "delivered"
    assert sandbox.state.faxes[fax["id"]].page_count == 3
