"""Desktop services that reach the runner away from the screen: sound, screen awake, rest timer."""
