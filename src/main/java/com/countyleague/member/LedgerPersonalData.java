package com.countyleague.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.countyleague.org.UnitLookup;
import com.countyleague.web.Formats;
import com.countyleague.web.Texts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static com.countyleague.member.PersonalDataSource.text;
import static com.countyleague.member.PersonalDataSource.time;

/**
 * The ledger's record of a person — every column the ledger sheet has, the identity number masked —
 * and the notifications sent to them, for their privacy page.
 */
@Component
class LedgerPersonalData implements PersonalDataSource {

    private final PersonRepository persons;
    private final Dictionaries dictionaries;
    private final UnitLookup units;
    private final JdbcClient jdbc;
    private final Texts texts;
    private final Formats formats;

    LedgerPersonalData(PersonRepository persons, Dictionaries dictionaries, UnitLookup units, JdbcClient jdbc, Texts texts,
                       Formats formats) {
        this.texts = texts;
        this.persons = persons;
        this.dictionaries = dictionaries;
        this.units = units;
        this.jdbc = jdbc;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Section> about(long personId) {
        Person person = persons.findById(personId).orElseThrow();
        String unit = units.organizations(Set.of(person.getOrganizationId())).get(person.getOrganizationId()).getName();
        String compound = person.getCompoundId() == null ? null : units.compounds(Set.of(person.getCompoundId())).get(person.getCompoundId()).getName();
        String building = person.getBuildingId() == null ? null : units.buildings(Set.of(person.getBuildingId())).get(person.getBuildingId()).getName();
        Map<LedgerColumn, String> values = SheetValues.write(person, person.getIdNumberMasked(), unit, compound, building,
                dictionaries.snapshot());
        List<List<Cell>> record = new ArrayList<>();
        values.forEach((column, value) -> {
            if (value != null && !value.isBlank()) {
                record.add(List.of(text(column.header), text(value)));
            }
        });
        Section ledger = new Section("privacy.ledger", List.of("privacy.col.field", "privacy.col.value"), record);
        Section notifications = new Section("privacy.notifications", List.of("privacy.col.at", "privacy.col.message", "privacy.col.read"),
                jdbc.sql("select created_at, message_key, arguments, read_at from notification where person_id = ? order by created_at desc")
                        .param(personId)
                        .query((rs, n) -> List.of(time(formats, rs.getTimestamp(1)), text(texts.of(rs.getString(2),
                                        Notification.argumentsOf(rs.getString(3)))), time(formats, rs.getTimestamp(4))))
                        .list());
        return List.of(ledger, notifications);
    }
}
