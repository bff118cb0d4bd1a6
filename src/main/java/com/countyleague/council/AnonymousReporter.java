package com.countyleague.council;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Who reported an anonymous issue: read only to show the reporter their own issues and to tell them its progress. */
@Entity
class AnonymousReporter {

    @Id
    private Long issueId;

    private Long personId;

    protected AnonymousReporter() {
    }

    AnonymousReporter(long issueId, long personId) {
        this.issueId = issueId;
        this.personId = personId;
    }

    Long getPersonId() {
        return personId;
    }
}
