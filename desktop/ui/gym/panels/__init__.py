"""The parts of the gym screen: the set, the set form, the rest timer, the summary, the buttons,
and the summary's Tab ring."""
