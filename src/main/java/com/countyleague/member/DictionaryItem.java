package com.countyleague.member;

import java.util.Locale;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * One entry of a dictionary. Its code is what records store; label, order and badge colour are
 * what offices adjust. A locked entry is one the program relies on: it can be relabelled but
 * neither disabled nor recoded.
 */
@Entity
public class DictionaryItem {

    /** Bootstrap colours a badge may take; nothing else reaches the page. */
    public enum Badge {
        PRIMARY, SECONDARY, SUCCESS, DANGER, WARNING, INFO, DARK;

        /** The Bootstrap class, e.g. {@code text-bg-primary}. */
        public String css() {
            return "text-bg-" + name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private DictionaryKind kind;

    private String code;

    private String label;

    private int sortOrder;

    @Enumerated(EnumType.STRING)
    private Badge badge;

    private boolean enabled;

    private boolean locked;

    @Version
    private long version;

    protected DictionaryItem() {
    }

    DictionaryItem(DictionaryKind kind, String code, String label, int sortOrder, Badge badge) {
        this.kind = kind;
        this.code = code;
        this.label = label;
        this.sortOrder = sortOrder;
        this.badge = badge;
        this.enabled = true;
        this.locked = false;
    }

    void change(String label, int sortOrder, Badge badge, boolean enabled) {
        if (locked && !enabled) {
            throw new RuleViolationException("enabled", "dictionary.locked");
        }
        this.label = label;
        this.sortOrder = sortOrder;
        this.badge = badge;
        this.enabled = enabled;
    }

    public Long getId() {
        return id;
    }

    public DictionaryKind getKind() {
        return kind;
    }

    public String getCode() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public Badge getBadge() {
        return badge;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isLocked() {
        return locked;
    }
}
