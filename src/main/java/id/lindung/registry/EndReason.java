package id.lindung.registry;

/** Why a membership term ended. CHANGED and TRANSFERRED are set by the registry itself. */
public enum EndReason { DECEASED, RESIGNED, END_OF_TERM, LAPSED, TRANSFERRED, CHANGED, OTHER }
