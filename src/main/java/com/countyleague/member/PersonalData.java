package com.countyleague.member;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps identity numbers unreadable at rest: AES-256-GCM with a random nonce for storage, and an
 * HMAC-SHA256 "blind index" for exact search and uniqueness. Both keys are derived from the one
 * county key in {@code LEAGUE_DATA_KEY} (32 bytes, Base64); losing that key loses the numbers.
 */
@Component
class PersonalData {

    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "person.id_number".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

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
        this.encryptionKey = new SecretKeySpec(derive(master, "county-league/id-number/encryption"), "AES");
        this.indexKey = new SecretKeySpec(derive(master, "county-league/id-number/blind-index"), "HmacSHA256");
    }

    byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt", e);
        }
    }

    String decrypt(byte[] stored) {
        if (stored == null || stored.length < 1 + NONCE_BYTES || stored[0] != FORMAT) {
            throw new IllegalStateException("Unknown ciphertext format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(CONTEXT);
            return new String(cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt: wrong LEAGUE_DATA_KEY?", e);
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
