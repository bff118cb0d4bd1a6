package com.countyleague.member;

import java.time.Instant;
import java.util.Arrays;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Something a person is told in the app: a message key with its arguments, and where to look. */
@Entity
public class Notification {

    static final String SEPARATOR = "\u001F";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long personId;

    private String messageKey;

    private String arguments;

    private String link;

    private Instant createdAt;

    private Instant readAt;

    protected Notification() {
    }

    Notification(long personId, String messageKey, Object[] arguments, String link, Instant now) {
        this.personId = personId;
        this.messageKey = messageKey;
        String joined = String.join(SEPARATOR, Arrays.stream(arguments).map(String::valueOf).toList());
        this.arguments = joined.length() <= 500 ? joined : joined.substring(0, 500);
        this.link = link;
        this.createdAt = now;
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArgumentList() {
        return argumentsOf(arguments);
    }

    static Object[] argumentsOf(String joined) {
        return joined == null || joined.isEmpty() ? new Object[0] : joined.split(SEPARATOR, -1);
    }

    public String getLink() {
        return link;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isRead() {
        return readAt != null;
    }
}
