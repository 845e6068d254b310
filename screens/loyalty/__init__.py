"""The loyalty screen: monthly loyalty and LTV, ROX by month beside NPS, the ROX log."""
