"""What every chart is drawn with: plot, axes, painted layers, marks, legend, palette."""
