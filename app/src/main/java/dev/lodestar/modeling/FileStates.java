package dev.lodestar.modeling;

import org.springframework.data.jpa.repository.JpaRepository;

interface FileStates extends JpaRepository<FileState, String> {
}
