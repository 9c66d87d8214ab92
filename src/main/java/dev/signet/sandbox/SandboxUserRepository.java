package dev.signet.sandbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
@IfBuildProperty(name = "signet.sandbox.enabled", stringValue = "true")
public class SandboxUserRepository implements PanacheRepository<SandboxUser> {

    public Optional<SandboxUser> findByHandle(String handle) {
        return find("screenNameKey", SandboxUser.keyOf(handle)).firstResultOptional();
    }

    public List<SandboxUser> findByHandles(Collection<String> handles) {
        if (handles.isEmpty()) {
            return List.of();
        }
        List<String> keys = handles.stream().map(SandboxUser::keyOf).distinct().toList();
        return list("screenNameKey in ?1", keys);
    }

    public Optional<SandboxUser> findBrandByAccessToken(String accessToken) {
        return find("accessToken = ?1 and brand = true", accessToken).firstResultOptional();
    }

    /** Users by id in one query, for rendering a page of tweets or DMs. */
    public Map<Long, SandboxUser> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return list("id in ?1", ids.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(SandboxUser::getId, Function.identity()));
    }

    public List<SandboxUser> allByHandle() {
        return list("order by brand desc, screenNameKey");
    }
}
