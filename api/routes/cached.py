"""Answers that depend only on the graph and the day, sent with an ETag: a client that sends it
back in If-None-Match gets 304 with no body while the answer holds. `Cache-Control: no-cache`
lets caches keep an answer but has them ask again each time (a load can change it any time)."""

from __future__ import annotations

from fastapi import Request, Response

from api.answers import Answer

CACHE_CONTROL = "no-cache"


def cached_response(request: Request, answer: Answer) -> Response:
    headers = {"ETag": answer.etag, "Cache-Control": CACHE_CONTROL}
    wanted = request.headers.get("if-none-match", "")
    if answer.etag in {tag.strip() for tag in wanted.split(",")} or wanted.strip() == "*":
        return Response(status_code=304, headers=headers)
    return Response(answer.body, media_type="application/json", headers=headers)
