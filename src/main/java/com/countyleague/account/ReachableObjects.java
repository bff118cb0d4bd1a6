package com.countyleague.account;

import java.util.Optional;

/**
 * What {@link Reach} needs to know of the objects a module owns: the organisation each belongs to.
 * Implemented by the owning module, so that the rule lives here without this module knowing theirs.
 */
public interface ReachableObjects {

    Reach.Target target();

    /** The organisation the object belongs to; empty when there is no such object. */
    Optional<Long> organizationOf(long id);
}
