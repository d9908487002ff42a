"""The session under way: the state machine, its book of sets, the lift, rest, changes."""
