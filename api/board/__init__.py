"""The board pack: every view as a static, offline page, an index that links them, and the gap
summary the index shows."""

from api.board.pack import BoardPack, reached_countries, write_board

__all__ = ["BoardPack", "reached_countries", "write_board"]
