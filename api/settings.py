"""Settings from the environment: which store, and how to reach Neo4j."""

from typing import Literal

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """PARTNERGRAPH_* and NEO4J_* variables; secrets never come from the repo."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore")

    partnergraph_store: Literal["memory", "neo4j"] = "memory"
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"

    @property
    def neo4j_auth(self) -> tuple[str, str] | None:
        """None when no password is set: the local development server runs with auth off."""
        if self.neo4j_password is None:
            return None
        return (self.neo4j_user, self.neo4j_password.get_secret_value())
