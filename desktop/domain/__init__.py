"""Pure protocol rules: plan, rest timer, progression, adherence. No Qt, no I/O."""
