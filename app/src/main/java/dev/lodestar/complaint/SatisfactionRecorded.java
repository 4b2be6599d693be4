package dev.lodestar.complaint;

/** The customer scored the handling of a complaint (1-5). */
public record SatisfactionRecorded(long complaintId, int score) {
}
