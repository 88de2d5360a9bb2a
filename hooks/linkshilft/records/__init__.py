"""Records: files in data/ read strictly, checked against their schemas and each other, and turned into the model."""
