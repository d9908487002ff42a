"""The rest between sets: the timer as a pure state machine, its clock, the spoken cues."""
