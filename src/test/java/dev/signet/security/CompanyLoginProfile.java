package dev.signet.security;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The test profile with company login on, against {@link CompanyIdentityProvider} (local passwords stay too). */
public class CompanyLoginProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CompanyIdentityProvider.class));
    }
}
