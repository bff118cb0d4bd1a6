package com.countyleague.venue;

import com.countyleague.account.Reach;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.Groups;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;
import com.countyleague.web.UploadedImage;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a venue's page shows beside its bookings: who is based there, and its photos. */
@Service
public class VenueExtras {

    static final int MAX_PHOTOS = 6;
    static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;

    public record Residents(List<Organization> units, List<CommunityGroup> groups) {
    }

    public record Photo(String contentType, byte[] bytes) {
    }

    private final JdbcClient jdbc;
    private final UnitLookup units;
    private final Groups groups;
    private final Reach reach;
    private final Clock clock;

    VenueExtras(JdbcClient jdbc, UnitLookup units, Groups groups, Reach reach, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.groups = groups;
        this.reach = reach;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Residents residents(long venueId) {
        List<Long> unitIds = jdbc.sql("select organization_id from venue_resident where venue_id = ? and organization_id is not null order by id")
                .param(venueId).query(Long.class).list();
        List<Long> groupIds = jdbc.sql("select group_id from venue_resident where venue_id = ? and group_id is not null order by id")
                .param(venueId).query(Long.class).list();
        Map<Long, Organization> byId = units.organizations(unitIds);
        Map<Long, CommunityGroup> groupsById = groups.byIds(groupIds);
        return new Residents(unitIds.stream().map(byId::get).toList(), groupIds.stream().map(groupsById::get).toList());
    }

    /** A unit or a group of the caller's reach becomes based at the venue they manage. */
    @Transactional
    public void addResident(long venueId, Long organizationId, Long groupId) {
        reach.require(Reach.Target.VENUE, venueId);
        if ((organizationId == null) == (groupId == null)) {
            throw RuleViolationException.of("venue.resident.one");
        }
        if (organizationId != null) {
            reach.requireOrganization(organizationId);
        } else {
            reach.require(Reach.Target.GROUP, groupId);
        }
        try {
            jdbc.sql("insert into venue_resident (venue_id, organization_id, group_id) values (?, ?, ?)")
                    .params(venueId, organizationId, groupId).update();
        } catch (DuplicateKeyException e) {
            throw RuleViolationException.of("venue.resident.already");
        }
    }

    public List<Long> photoIds(long venueId) {
        return jdbc.sql("select id from venue_photo where venue_id = ? order by id").param(venueId).query(Long.class).list();
    }

    /** A photo of the venue, checked to be an image it says it is (and re-encoded where it can be). */
    @Transactional
    public long addPhoto(long venueId, byte[] bytes) {
        reach.require(Reach.Target.VENUE, venueId);
        if (photoIds(venueId).size() >= MAX_PHOTOS) {
            throw new RuleViolationException("photo", "venue.photo.too-many", MAX_PHOTOS);
        }
        UploadedImage image = UploadedImage.check(bytes, MAX_PHOTO_BYTES, "photo");
        return jdbc.sql("insert into venue_photo (venue_id, content_type, content, created_at) values (?, ?, ?, ?) returning id")
                .params(venueId, image.contentType(), image.bytes(), Timestamp.from(clock.instant())).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Photo photo(long venueId, long photoId) {
        return jdbc.sql("select content_type, content from venue_photo where id = ? and venue_id = ?").params(photoId, venueId)
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).optional()
                .orElseThrow(() -> new NotFoundException("venue photo", photoId));
    }
}
