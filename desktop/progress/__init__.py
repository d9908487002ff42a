"""The Progress screen's data: chart series and the log behind them. No Qt."""
