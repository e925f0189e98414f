"""`make bench` / `scrbot bench`: how fast the bot answers, starts, scales and serves Telegram, beside
plain baselines. Kept out of the bot's own package: the bot never imports it, and it imports the bot
only as any client would. The Bot API emulator it drives is shared with the tests from here."""
