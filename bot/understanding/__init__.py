"""Reading a question: normalising text, reading periods and other slots, matching intents."""
