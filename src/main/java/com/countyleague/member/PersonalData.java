package com.countyleague.member;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps identity numbers unreadable at rest: AES-256-GCM with a random nonce for storage, and an
 * HMAC-SHA256 "blind index" for exact search and uniqueness. The county key in
 * {@code LEAGUE_DATA_KEY} (32 bytes, Base64) gives the index key, the first encryption key (key 1)
 * and the key that wraps the later encryption keys, which {@link DataKeys} keeps in the database and
 * hands over here; losing the county key loses the numbers.
 */
@Component
class PersonalData {

    /** key 1: [1][nonce][sealed]; later keys: [2][key id][nonce][sealed] */
    private static final byte FIRST_FORMAT = 1;
    private static final byte KEYED_FORMAT = 2;
    static final int FIRST_KEY = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "person.id_number".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec indexKey;
    private final SecretKeySpec wrappingKey;
    private final SecureRandom random = new SecureRandom();
    private volatile Map<Integer, SecretKeySpec> keys;
    private volatile int current = FIRST_KEY;
    /** asked to look again when a number sealed with a key not known here turns up (another instance rotated) */
    private volatile Runnable onUnknownKey = () -> { };

    PersonalData(@Value("${league.data-key:}") String dataKey) {
        byte[] master;
        try {
            master = Base64.getDecoder().decode(dataKey.trim());
        } catch (IllegalArgumentException e) {
            master = new byte[0];
        }
        if (master.length != 32) {
            throw new IllegalStateException("LEAGUE_DATA_KEY must be 32 random bytes in Base64 "
                    + "(for example: openssl rand -base64 32); it encrypts identity numbers and must never change");
        }
        this.keys = Map.of(FIRST_KEY, new SecretKeySpec(derive(master, "county-league/id-number/encryption"), "AES"));
        this.indexKey = new SecretKeySpec(derive(master, "county-league/id-number/blind-index"), "HmacSHA256");
        this.wrappingKey = new SecretKeySpec(derive(master, "county-league/data-key/wrapping"), "AES");
    }

    /** The later encryption keys (unwrapped) and which one seals from now on. */
    void use(Map<Integer, byte[]> later, int currentKey, Runnable lookAgain) {
        Map<Integer, SecretKeySpec> all = new HashMap<>();
        all.put(FIRST_KEY, keys.get(FIRST_KEY));
        later.forEach((id, key) -> all.put(id, new SecretKeySpec(key, "AES")));
        if (!all.containsKey(currentKey)) {
            throw new IllegalArgumentException("No key " + currentKey);
        }
        this.keys = Map.copyOf(all);
        this.current = currentKey;
        this.onUnknownKey = lookAgain;
    }

    int currentKey() {
        return current;
    }

    /** Which key sealed a stored number. */
    static int keyOf(byte[] stored) {
        return stored[0] == FIRST_FORMAT ? FIRST_KEY : stored[1] & 0xff;
    }

    byte[] encrypt(String plain) {
        int id = current;
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = seal(Cipher.ENCRYPT_MODE, keys.get(id), nonce, CONTEXT, plain.getBytes(StandardCharsets.UTF_8), "encrypt");
        ByteBuffer out = ByteBuffer.allocate((id == FIRST_KEY ? 1 : 2) + NONCE_BYTES + sealed.length);
        if (id == FIRST_KEY) {
            out.put(FIRST_FORMAT);
        } else {
            out.put(KEYED_FORMAT).put((byte) id);
        }
        return out.put(nonce).put(sealed).array();
    }

    String decrypt(byte[] stored) {
        if (stored == null || stored.length < 2 + NONCE_BYTES || (stored[0] != FIRST_FORMAT && stored[0] != KEYED_FORMAT)) {
            throw new IllegalStateException("Unknown ciphertext format");
        }
        int id = keyOf(stored);
        if (!keys.containsKey(id)) {
            onUnknownKey.run();
        }
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("Identity number sealed with key " + id + ", which this county does not hold");
        }
        int start = stored[0] == FIRST_FORMAT ? 1 : 2;
        byte[] nonce = Arrays.copyOfRange(stored, start, start + NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(stored, start + NONCE_BYTES, stored.length);
        return new String(seal(Cipher.DECRYPT_MODE, key, nonce, CONTEXT, sealed, "decrypt: wrong LEAGUE_DATA_KEY?"), StandardCharsets.UTF_8);
    }

    /** A new encryption key as the database keeps it: sealed with the wrapping key, bound to its id. */
    byte[] wrap(int id, byte[] key) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = seal(Cipher.ENCRYPT_MODE, wrappingKey, nonce, wrapContext(id), key, "wrap");
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    byte[] unwrap(int id, byte[] wrapped) {
        return seal(Cipher.DECRYPT_MODE, wrappingKey, Arrays.copyOf(wrapped, NONCE_BYTES), wrapContext(id),
                Arrays.copyOfRange(wrapped, NONCE_BYTES, wrapped.length), "unwrap data key " + id + ": wrong LEAGUE_DATA_KEY?");
    }

    private static byte[] wrapContext(int id) {
        return ("data_key:" + id).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] seal(int mode, SecretKeySpec key, byte[] nonce, byte[] context, byte[] input, String what) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not " + what, e);
        }
    }

    /** The same number always gives the same index; without the key, the index says nothing. */
    String blindIndex(IdNumber number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(number.value().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not index", e);
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
