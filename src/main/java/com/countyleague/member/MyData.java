package com.countyleague.member;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.web.Formats;
import com.countyleague.web.Texts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the application holds about the signed-in member (PIPL): every module's records of them, each
 * time staff revealed their identity number or exported a list holding them, and their requests to
 * correct the ledger.
 */
@Service
public class MyData {

    private final List<PersonalDataSource> sources;
    private final AuditTrail audit;
    private final Corrections corrections;
    private final Actors actors;
    private final Texts texts;
    private final Formats formats;

    MyData(List<PersonalDataSource> sources, AuditTrail audit, Corrections corrections, Actors actors, Texts texts, Formats formats) {
        this.formats = formats;
        this.sources = sources.stream().sorted(Comparator.comparingInt(PersonalDataSource::order)).toList();
        this.audit = audit;
        this.corrections = corrections;
        this.actors = actors;
        this.texts = texts;
    }

    public record View(List<PersonalDataSource.Section> sections, List<AuditTrail.Touch> touches,
                       List<Corrections.Request> corrections) {
    }

    @Transactional(readOnly = true)
    public View mine() {
        long personId = actors.current().requirePerson();
        return new View(sources.stream().flatMap(s -> s.about(personId).stream()).toList(), audit.touching(personId),
                corrections.of(personId));
    }

    /** The same as a document to take away: section title → rows of column → value, in the reader's language. */
    @Transactional(readOnly = true)
    public Map<String, Object> download() {
        View view = mine();
        Map<String, Object> document = new LinkedHashMap<>();
        for (PersonalDataSource.Section section : view.sections()) {
            List<String> columns = section.columnKeys().stream().map(texts::of).toList();
            document.put(texts.of(section.titleKey()), section.rows().stream().map(row -> {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    PersonalDataSource.Cell cell = row.get(i);
                    values.put(columns.get(i), cell.key() == null ? cell.text() : texts.of(cell.key()));
                }
                return values;
            }).toList());
        }
        document.put(texts.of("privacy.touches"), view.touches().stream().map(t -> Map.of(
                texts.of("privacy.col.at"), formats.dateTime(t.at()), texts.of("privacy.col.act"), texts.of("privacy.act." + t.action()),
                texts.of("privacy.col.unit"), t.unitName() == null ? "" : t.unitName())).toList());
        return document;
    }
}
