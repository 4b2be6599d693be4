package dev.lodestar.modeling;

/** The three kinds of model the workspace edits, each with its folder and file ending. */
public enum ModelKind {

	BPMN("processes/", ".bpmn"), DMN("processes/", ".dmn"), FORM("forms/", ".form");

	private final String folder;

	private final String ending;

	ModelKind(String folder, String ending) {
		this.folder = folder;
		this.ending = ending;
	}

	/** The kind of a resource name such as {@code processes/lead-to-sale.bpmn}, or {@code null}. */
	static ModelKind of(String resourceName) {
		for (ModelKind kind : values()) {
			if (resourceName.endsWith(kind.ending)) {
				return kind;
			}
		}
		return null;
	}

	/** The model key of a resource: its file name without folder and ending. */
	static String keyOf(String resourceName) {
		String file = resourceName.substring(resourceName.lastIndexOf('/') + 1);
		int dot = file.lastIndexOf('.');
		return dot < 0 ? file : file.substring(0, dot);
	}

	String resourceName(String key) {
		return folder + key + ending;
	}

}
