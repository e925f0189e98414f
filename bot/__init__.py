"""scrbot: answers questions about the rise in England's serious case reviews from a sourced fact base."""

__version__ = "0.1.0"
