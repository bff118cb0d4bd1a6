package com.countyleague.member;

import java.sql.Timestamp;
import java.util.List;

import com.countyleague.web.Formats;

/**
 * What one module holds about a person, for the person's own privacy page and download (PIPL): each
 * module that keeps personal data offers one, so the page grows with the modules instead of reaching
 * into their tables.
 */
public interface PersonalDataSource {

    /** Where the section goes on the page, small first. */
    int order();

    /** Its sections: one per kind of record held. */
    List<Section> about(long personId);

    /** A table of what is held: title and column headers as message keys, one list of values per row. */
    record Section(String titleKey, List<String> columnKeys, List<List<Cell>> rows) {
    }

    /** A value as held (text), or a word of ours (a message key: a status, a role). */
    record Cell(String text, String key) {
    }

    static Cell text(Object text) {
        return new Cell(text == null ? "" : text.toString(), null);
    }

    /** An enum's word by its message key prefix ({@code group.membership.} + ACTIVE); blank for null. */
    static Cell word(String prefix, String name) {
        return name == null ? text(null) : new Cell(null, prefix + name);
    }

    /** A moment's day or day and time, in the county's zone as every page shows them. */
    static Cell day(Formats formats, Timestamp at) {
        return text(at == null ? null : formats.date(at.toInstant()));
    }

    static Cell time(Formats formats, Timestamp at) {
        return text(at == null ? null : formats.dateTime(at.toInstant()));
    }
}
