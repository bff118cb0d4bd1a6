package com.countyleague.member;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Identity numbers for modules that must keep one before its person is in the ledgers (an
 * application to a campaign): sealed the same way as the ledgers keep them, so the same number is
 * recognised everywhere by its blind index.
 */
@Component
public class IdentityNumbers {

    /** A number as stored: encrypted, indexed, masked. */
    public record Sealed(byte[] cipher, String hash, String masked) {
    }

    private final PersonalData personalData;
    private final PersonRepository people;

    IdentityNumbers(PersonalData personalData, PersonRepository people) {
        this.personalData = personalData;
        this.people = people;
    }

    /** Seals a valid number; the caller has checked it with {@link IdNumber#problem}. */
    public Sealed seal(String raw) {
        IdNumber number = IdNumber.of(raw);
        return new Sealed(personalData.encrypt(number.value()), personalData.blindIndex(number), number.masked());
    }

    /** The blind index of a valid number: how the ledgers recognise it. */
    public String hashOf(String raw) {
        return personalData.blindIndex(IdNumber.of(raw));
    }

    public String open(byte[] cipher) {
        return personalData.decrypt(cipher);
    }

    /**
     * Whether the ledger records this person under this name (as names are written there): for
     * matching an applicant to a record without showing anyone the record.
     */
    public boolean isNamed(long personId, String name) {
        String normalized = Person.normalizeName(name);
        return normalized != null && people.findById(personId).map(p -> p.getName().equals(normalized)).orElse(false);
    }

    /** The person of the ledgers with this number, if there is one. */
    public Optional<Long> personWith(String hash) {
        return people.findIdByIdNumberHash(hash);
    }
}
