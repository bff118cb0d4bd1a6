package com.countyleague.orglife;

/** What a member's dues follow: their income, or the reduced amount of students, the unemployed and relief recipients. */
public enum DuesCategory { INCOME, STUDENT, UNEMPLOYED, RELIEF }
