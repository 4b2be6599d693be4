package dev.lodestar.insight;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A KPI figure as one review saw it, so later reviews compare against history. */
@Entity
@Table(name = "crm_kpi_snapshot")
class KpiSnapshot {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long reviewId;

	private String kpiCode;

	@Column(name = "kpi_value")
	private BigDecimal value;

	private BigDecimal target;

	private String unit;

	private long sampleSize;

	private boolean onTarget;

	private String detail;

	protected KpiSnapshot() {
	}

	KpiSnapshot(Long reviewId, KpiFigure figure) {
		this.reviewId = reviewId;
		this.kpiCode = figure.code();
		this.value = figure.value() == null ? null : BigDecimal.valueOf(figure.value());
		this.target = BigDecimal.valueOf(figure.target());
		this.unit = figure.unit();
		this.sampleSize = figure.sampleSize();
		this.onTarget = Boolean.TRUE.equals(figure.onTarget());
		this.detail = figure.detail() == null ? null : figure.detail().substring(0, Math.min(2000, figure.detail().length()));
	}

	String getKpiCode() {
		return kpiCode;
	}

	BigDecimal getValue() {
		return value;
	}

	BigDecimal getTarget() {
		return target;
	}

	String getUnit() {
		return unit;
	}

	long getSampleSize() {
		return sampleSize;
	}

	boolean isOnTarget() {
		return onTarget;
	}

	String getDetail() {
		return detail;
	}

}
