"""The gym screen: the runner's keys, panels and the session they drive."""
