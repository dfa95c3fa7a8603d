"""Settings from the environment: which store, and how to reach Neo4j."""

from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """PARTNERGRAPH_* and NEO4J_* variables; secrets never come from the repo."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore")

    partnergraph_store: Literal["memory", "neo4j"] = "memory"
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"

    # The HTTP API (`partnergraph serve`).
    partnergraph_api_key: SecretStr | None = None  # when set, required on all but /health
    # Where clients reach the API (behind a proxy, say), for the OpenAPI document's `servers`;
    # empty: the host that served the document.
    partnergraph_public_url: str = ""
    partnergraph_cors_origins: str = ""  # comma-separated origins allowed by CORS; empty: none
    # Days of history (the loads' change sets) a load keeps; None: all. Pruning forgets only
    # history: the graph stays exact, and --as-of reaches back as far as history is kept.
    partnergraph_history_days: int | None = Field(default=None, ge=1)
    partnergraph_cypher_timeout: float = Field(default=10.0, gt=0)  # seconds, cut by the server
    partnergraph_cypher_row_limit: int = Field(default=1000, ge=1)  # rows returned at most
    # about the bytes of the rows' values an answer holds at most (the answer is cut, and says so)
    partnergraph_cypher_byte_limit: int = Field(default=8_000_000, ge=1_000)

    @property
    def neo4j_auth(self) -> tuple[str, str] | None:
        """None when no password is set: the local development server runs with auth off."""
        if self.neo4j_password is None:
            return None
        return (self.neo4j_user, self.neo4j_password.get_secret_value())

    @property
    def cors_origins(self) -> list[str]:
        return [o.strip() for o in self.partnergraph_cors_origins.split(",") if o.strip()]
