package com.countyleague.member;

import java.time.Clock;
import java.util.List;

import com.countyleague.account.Actors;

import org.springframework.stereotype.Component;

/** Writes and reads the lines of a person's history, each with who did it. */
@Component
class PersonHistory {

    private final PersonEventRepository events;
    private final Actors actors;
    private final Clock clock;

    PersonHistory(PersonEventRepository events, Actors actors, Clock clock) {
        this.events = events;
        this.actors = actors;
        this.clock = clock;
    }

    void record(Person person, PersonEvent.Type type, String detail, String reason) {
        events.save(new PersonEvent(person.getId(), clock.instant(), type, actorName(),
                person.getOrganizationId(), detail, reason));
    }

    void recordAll(List<Person> people, PersonEvent.Type type, String detail) {
        String actor = actorName();
        events.saveAll(people.stream().map(p -> new PersonEvent(p.getId(), clock.instant(), type, actor,
                p.getOrganizationId(), detail, null)).toList());
    }

    /** Who is acting: the signed-in user, or the system itself (demo data, scheduled work). */
    private String actorName() {
        var actor = actors.currentOrNull();
        return actor == null ? "system" : actor.username();
    }

    List<PersonEvent> of(Person person) {
        return events.findByPersonIdOrderByAtAscIdAsc(person.getId());
    }
}
