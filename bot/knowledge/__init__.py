"""Loading and validating the knowledge the bot answers from: `facts/` and `intents/`."""
