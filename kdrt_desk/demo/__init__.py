"""Made-up data for trying the app: ``synthetic`` generates the inputs, this package loads them."""
