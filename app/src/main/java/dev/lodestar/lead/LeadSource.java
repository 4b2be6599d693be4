package dev.lodestar.lead;

/** The channel a lead came in through. */
public enum LeadSource {
	WEB, EMAIL, PHONE, REFERRAL, PARTNER, EVENT, IMPORT
}
