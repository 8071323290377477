"""The exception tree. Every error the tool raises on purpose is a ``CivicFactsError``."""


class CivicFactsError(Exception):
    """Base class of the tool's own errors."""


class DataFileError(CivicFactsError):
    """A lexicon or pattern file under ``extractor/data`` is malformed."""


class ModelError(CivicFactsError):
    """A model directory is missing or cannot be loaded."""


class InputError(CivicFactsError):
    """An input file or record cannot be read; the message says why."""

    def __init__(self, reason: str, path: str | None = None, line: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.reason}"
