import { configure } from '@testing-library/dom';

/*
 * findBy… and waitFor give up after 1 s by default. These tests wait for what
 * a person waits for (a link decrypted, a chart drawn), which on a busy CI
 * machine can take longer: the bound is generous, and a passing wait still
 * ends the moment its element appears.
 */
configure({ asyncUtilTimeout: 15_000 });
