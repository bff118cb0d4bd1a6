package com.countyleague.member;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.countyleague.account.Actors;
import com.countyleague.account.Role;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dictionaries (民族, 学历, 政治面貌, tags, source channels, League posts): read by everyone, kept by county admins. */
@Service
public class Dictionaries {

    private final DictionaryItemRepository items;
    private final Actors actors;

    Dictionaries(DictionaryItemRepository items, Actors actors) {
        this.items = items;
        this.actors = actors;
    }

    /** Every dictionary at once, for a page or an import to look labels up without more queries. */
    public record Snapshot(Map<DictionaryKind, Map<String, DictionaryItem>> byKind) {

        public List<DictionaryItem> enabled(DictionaryKind kind) {
            return byKind.getOrDefault(kind, Map.of()).values().stream().filter(DictionaryItem::isEnabled).toList();
        }

        /** The enabled entries of a dictionary named as a template names it ("TAG"). */
        public List<DictionaryItem> options(String kind) {
            return enabled(DictionaryKind.valueOf(kind));
        }

        /** The label of a code in a dictionary named as a template names it. */
        public String labelOf(String kind, String code) {
            return label(DictionaryKind.valueOf(kind), code);
        }

        public String badgeOf(String kind, String code) {
            return item(DictionaryKind.valueOf(kind), code).map(i -> i.getBadge().css()).orElse("text-bg-secondary");
        }

        public Optional<DictionaryItem> item(DictionaryKind kind, String code) {
            return Optional.ofNullable(code == null ? null : byKind.getOrDefault(kind, Map.of()).get(code));
        }

        public String label(DictionaryKind kind, String code) {
            return item(kind, code).map(DictionaryItem::getLabel).orElse(code);
        }

        /** The code whose label or code this text is (case and spaces ignored), for imports. */
        public Optional<String> codeOf(DictionaryKind kind, String text) {
            String wanted = text == null ? "" : text.trim();
            return byKind.getOrDefault(kind, Map.of()).values().stream()
                    .filter(i -> i.getLabel().equals(wanted) || i.getCode().equalsIgnoreCase(wanted))
                    .map(DictionaryItem::getCode).findFirst();
        }

        /** Whether a record may carry this code now: it exists and is enabled. */
        public boolean accepts(DictionaryKind kind, String code) {
            return item(kind, code).map(DictionaryItem::isEnabled).orElse(false);
        }
    }

    @Transactional(readOnly = true)
    public Snapshot snapshot() {
        Map<DictionaryKind, Map<String, DictionaryItem>> byKind = new EnumMap<>(DictionaryKind.class);
        for (DictionaryItem item : items.findAllByOrderByKindAscSortOrderAscCodeAsc()) {
            byKind.computeIfAbsent(item.getKind(), k -> new LinkedHashMap<>()).put(item.getCode(), item);
        }
        return new Snapshot(byKind);
    }

    /** Every entry of one dictionary, disabled ones included, for the county admin's page. */
    @Transactional(readOnly = true)
    public List<DictionaryItem> list(DictionaryKind kind) {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        return items.findByKindOrderBySortOrderAscCodeAsc(kind);
    }

    @Transactional(readOnly = true)
    public DictionaryItem get(long id) {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        return items.findById(id).orElseThrow(() -> new NotFoundException("dictionary item", id));
    }

    @Transactional
    public long add(DictionaryKind kind, String code, String label, int sortOrder, DictionaryItem.Badge badge) {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        String normalized = code.trim().toUpperCase(Locale.ROOT);
        if (!normalized.matches("[A-Z0-9_]{1,40}")) {
            throw new RuleViolationException("code", "dictionary.code.pattern");
        }
        if (items.existsByKindAndCode(kind, normalized)) {
            throw new RuleViolationException("code", "dictionary.code.taken");
        }
        return items.save(new DictionaryItem(kind, normalized, requireLabel(label), sortOrder, badge)).getId();
    }

    @Transactional
    public void change(long id, String label, int sortOrder, DictionaryItem.Badge badge, boolean enabled) {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        DictionaryItem item = items.findById(id).orElseThrow(() -> new NotFoundException("dictionary item", id));
        item.change(requireLabel(label), sortOrder, badge, enabled);
    }

    private static String requireLabel(String label) {
        String trimmed = label == null ? "" : label.trim();
        if (trimmed.isEmpty() || trimmed.length() > 50) {
            throw new RuleViolationException("label", "dictionary.label.invalid", 50);
        }
        return trimmed;
    }
}
