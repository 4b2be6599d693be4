package dev.lodestar.complaint;

/** What a complaint is about; the classification decision routes by it. */
public enum Category {
	PRODUCT_DEFECT, DELIVERY, BILLING, SERVICE, SAFETY
}
